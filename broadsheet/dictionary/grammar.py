"""Grammar words: modals, pronouns, articles and the like, which WordNet leaves out or only has look-alikes of
("it" as information technology, "us" as the United States, "be" as beryllium). A learner who double-clicks
one gets a short entry: part of speech and a one-line use, marked as a grammar word.

Each entry: word → (part of speech, one-line use, base or ""). A base is named under the headword
("others" is also a form of "other"). Words whose WordNet senses are real too (the noun "can", the verb
"will") keep those senses after the grammar line.
"""

GRAMMAR_WORDS = {
    # Modal verbs
    "would": (
        "modal verb",
        "Says what happens in an imagined situation, or what someone said will happen; "
        "also makes requests polite: It would cost less. Would you help?",
        "will",
    ),
    "could": (
        "modal verb",
        "Says something is possible, or was possible in the past; also asks politely: "
        "Talks could resume next week.",
        "can",
    ),
    "should": (
        "modal verb",
        "Says what is right or expected: The report should be ready on Monday.",
        "shall",
    ),
    "might": (
        "modal verb",
        "Says something is possible but not certain: The vote might be delayed.",
        "may",
    ),
    "must": (
        "modal verb",
        "Says something is necessary, or almost certainly true: Visitors must register.",
        "",
    ),
    "shall": (
        "modal verb",
        "Says what will happen or must happen (formal): The board shall meet yearly.",
        "",
    ),
    "will": ("modal verb", "Says what is going to happen: The minister will speak tomorrow.", ""),
    "can": (
        "modal verb",
        "Says someone is able or allowed to do something: Residents can apply online.",
        "",
    ),
    "may": (
        "modal verb",
        "Says something is possible, or allowed: Prices may rise. You may leave now.",
        "",
    ),
    "cannot": (
        "modal verb",
        "Can not, written as one word: The court cannot hear the case.",
        "can",
    ),
    "ought": ("modal verb", "Used with to, says what is right to do: They ought to apologise.", ""),
    # Auxiliaries the rules cannot reach safely ("does" is also the plural of doe)
    "does": (
        "verb",
        "The form of do after he, she, it or a singular noun: She does not agree.",
        "do",
    ),
    # Pronouns
    "others": (
        "pronoun",
        "Other people or things, not the ones already named: Some stayed; others left.",
        "other",
    ),
    "another": ("determiner", "One more, or a different one: another meeting.", ""),
    "i": ("pronoun", "The person speaking or writing, as the subject: I agree.", ""),
    "me": ("pronoun", "The person speaking or writing, as the object: Tell me.", ""),
    "my": ("determiner", "Belonging to the person speaking: my house.", ""),
    "mine": ("pronoun", "The one that belongs to me: The idea was mine.", ""),
    "we": ("pronoun", "The speaker and others, as the subject: We disagree.", ""),
    "us": ("pronoun", "The speaker and others, as the object: Join us.", ""),
    "our": ("determiner", "Belonging to us: our city.", ""),
    "you": ("pronoun", "The person or people spoken to: You can vote.", ""),
    "your": ("determiner", "Belonging to you: your ticket.", ""),
    "he": ("pronoun", "A man or boy already mentioned, as the subject: He resigned.", ""),
    "him": ("pronoun", "A man or boy already mentioned, as the object: Voters chose him.", ""),
    "his": ("determiner", "Belonging to him: his speech.", ""),
    "she": ("pronoun", "A woman or girl already mentioned, as the subject: She won.", ""),
    "her": (
        "pronoun",
        "A woman or girl already mentioned, as the object, or belonging to her: We met her.",
        "",
    ),
    "it": (
        "pronoun",
        "A thing already mentioned, or the situation: It rained. It is hard to say.",
        "",
    ),
    "its": ("determiner", "Belonging to it: the company and its workers.", ""),
    "they": ("pronoun", "People or things already mentioned, as the subject: They agreed.", ""),
    "them": (
        "pronoun",
        "People or things already mentioned, as the object: Police found them.",
        "",
    ),
    "their": ("determiner", "Belonging to them: their homes.", ""),
    "themselves": ("pronoun", "The same people as the subject: They blamed themselves.", ""),
    "itself": ("pronoun", "The same thing as the subject: The party split itself.", ""),
    "who": ("pronoun", "Which person, or the person that: the officer who spoke.", ""),
    "whom": ("pronoun", "Who, as the object (formal): the man to whom she wrote.", ""),
    "whose": ("determiner", "Belonging to which person: the family whose house burned.", ""),
    "which": (
        "determiner",
        "What one of several, or that (about things): the bill, which passed.",
        "",
    ),
    "what": ("pronoun", "Asks about a thing, or means the thing that: What happened?", ""),
    # Articles and determiners
    "a": ("article", "One, not a particular one, before a consonant sound: a plan.", ""),
    "an": ("article", "One, not a particular one, before a vowel sound: an hour.", ""),
    "the": ("article", "A particular one, already known: the president.", ""),
    "this": ("determiner", "The one here or now: this week.", ""),
    "these": ("determiner", "The ones here or now: these rules.", "this"),
    "those": ("determiner", "The ones there or then: those years.", "that"),
    "that": (
        "determiner",
        "The one there or then; also joins a clause: She said that she would run.",
        "",
    ),
    "each": ("determiner", "Every one of two or more, taken one at a time: each side.", ""),
    "every": ("determiner", "All of a group, each one: every year.", ""),
    "either": ("determiner", "One or the other of two: either side.", ""),
    "neither": ("determiner", "Not one and not the other of two: neither party.", ""),
    # Prepositions and conjunctions WordNet has no senses for, or only look-alikes of
    "of": ("preposition", "Belonging to, part of, or about: the end of the war.", ""),
    "to": ("preposition", "Towards; also before a verb: went to Seoul; plans to leave.", ""),
    "for": (
        "preposition",
        "Meant for, because of, or during: a law for workers; jailed for years.",
        "",
    ),
    "with": ("preposition", "Together with, or using: talks with China; cut with a knife.", ""),
    "from": ("preposition", "Starting at: flights from Busan.", ""),
    "at": ("preposition", "In or near a place or time: at the border; at noon.", ""),
    "into": ("preposition", "To the inside of: moved into the office.", ""),
    "than": ("conjunction", "Used in comparisons: higher than last year.", ""),
    "and": ("conjunction", "Joins words or clauses: rice and fish.", ""),
    "but": ("conjunction", "Joins two ideas that differ: small but strong.", ""),
    "or": ("conjunction", "Joins choices: now or later.", ""),
    "if": ("conjunction", "On the condition that: if prices fall.", ""),
    "because": ("conjunction", "For the reason that: closed because of snow.", ""),
    "although": ("conjunction", "Despite the fact that: although it rained.", ""),
    "whether": ("conjunction", "If, when there are two choices: whether to stay or go.", ""),
    "unless": ("conjunction", "Except if: The strike goes ahead unless talks resume.", ""),
    "until": ("conjunction", "Up to the time when: Wait until the results are in.", ""),
    "since": (
        "conjunction",
        "From a time until now, or because: since 2019; since it was late.",
        "",
    ),
    "when": ("adverb", "At what time, or at the time that: when the polls close.", ""),
    "where": ("adverb", "In or to what place, or the place that: the town where she grew up.", ""),
    "how": ("adverb", "In what way, or to what degree: how the vote works; how many.", ""),
    "why": ("adverb", "For what reason: Officials did not say why.", ""),
    "during": ("preposition", "All through, or at some point in, a period: during the storm.", ""),
    "without": ("preposition", "Not having, or not doing: without warning.", ""),
    "against": (
        "preposition",
        "Opposed to, or touching: voted against the bill; leaned against the wall.",
        "",
    ),
    "among": ("preposition", "In a group of, or between several: among the victims.", ""),
    "towards": ("preposition", "In the direction of: a step towards peace.", "toward"),
    "upon": ("preposition", "On (formal): upon arrival.", ""),
    "per": ("preposition", "For each: 30 won per litre.", ""),
    "via": ("preposition", "By way of, or by means of: via Tokyo; via email.", ""),
    "something": ("pronoun", "A thing not named or not known: Something went wrong.", ""),
    "anything": (
        "pronoun",
        "Any thing at all, in questions and negatives: Did they say anything?",
        "",
    ),
    "everything": ("pronoun", "All things: Everything changed.", ""),
    "nothing": ("pronoun", "Not anything: Nothing was decided.", ""),
    "someone": ("pronoun", "A person not named or not known: Someone called.", ""),
    "anyone": ("pronoun", "Any person, in questions and negatives: Did anyone see it?", ""),
    "everyone": ("pronoun", "Every person: Everyone voted.", ""),
    "else": ("adverb", "Other, besides: someone else; what else.", ""),
    "myself": (
        "pronoun",
        "The speaker, as object of their own action, or for emphasis: I saw it myself.",
        "",
    ),
    "yourself": (
        "pronoun",
        "You, as object of your own action, or for emphasis: Protect yourself.",
        "",
    ),
    "himself": (
        "pronoun",
        "He, as object of his own action, or for emphasis: He said so himself.",
        "",
    ),
    "herself": (
        "pronoun",
        "She, as object of her own action, or for emphasis: She resigned herself.",
        "",
    ),
    "ourselves": (
        "pronoun",
        "We, as object of our own action, or for emphasis: We asked ourselves.",
        "",
    ),
    "yours": ("pronoun", "The one that belongs to you: The choice is yours.", ""),
    "everybody": ("pronoun", "Every person: Everybody on the street heard it.", ""),
    "nor": ("conjunction", "And not, after neither or not: neither the mayor nor the council.", ""),
    "onto": ("preposition", "To a position on: Fans poured onto the pitch.", ""),
    "toward": (
        "preposition",
        "In the direction of (the usual American spelling of towards): a step toward peace.",
        "",
    ),
    # Interjections: WordNet has none, and its rules would strip them into look-alikes ("alas" to "ala")
    "oh": ("interjection", "Shows surprise, understanding or disappointment: Oh, I see.", ""),
    "hey": ("interjection", "Calls for attention, informally: Hey, wait for me!", ""),
    "alas": (
        "interjection",
        "Shows regret (literary or humorous): Alas, the bridge was closed.",
        "",
    ),
}
# Short forms: "don't" is do not, "they're" they are. The part before the apostrophe is the base.
NOT_FORMS = {"can't": "can", "won't": "will", "shan't": "shall"}
SHORT_VERBS = {
    "'m": "am",
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'d": "would or had",
    "'s": "is or has",
}

# These have real WordNet senses too (a can of paint, the will of the people, the might of an army).
WITH_WORDNET_SENSES = frozenset({"will", "can", "may", "might", "must", "does"})


def grammar_entry(word):
    """(pos, use, base) for a grammar word as written, else None. "May" capitalised is the month."""
    if word != word.lower() and not word[:1].isupper():
        return None
    if word[:1].isupper() and word.lower() in ("may", "will"):
        return None  # May the month, Will the name: WordNet and the glossary have those
    return GRAMMAR_WORDS.get(word.lower()) or contraction(word.lower())


def contraction(word):
    """don't → ("contraction", "Short for do not.", ""); they're → ("contraction", "Short for they are.", "")."""
    word = word.replace("’", "'")
    if word.endswith("n't") and len(word) > 3:
        base = NOT_FORMS.get(word, word[:-3])
        return (
            "contraction",
            "Short for cannot." if base == "can" else f"Short for {base} not.",
            "",
        )
    head, apostrophe, tail = word.rpartition("'")
    if apostrophe and head.isalpha() and apostrophe + tail in SHORT_VERBS:
        head = "I" if head == "i" else head
        return ("contraction", f"Short for {head} {SHORT_VERBS[apostrophe + tail]}.", "")
    return None
