// The 250-character rule in the browser, counted exactly as the server counts it (comments/text.py):
// extended grapheme clusters of the NFC text. "한국" is 2, a family emoji 👨‍👩‍👧 is 1, "e" + U+0301 is 1.

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemes(text) {
  return Array.from(segmenter.segment(text.normalize("NFC")), (part) => part.segment);
}

export function countGraphemes(text) {
  let count = 0;
  for (const _part of segmenter.segment(text.normalize("NFC"))) count += 1;
  return count;
}

// The first `limit` characters; a cluster (a flag, a skin-toned emoji, a syllable) is never cut in two.
export function truncateGraphemes(text, limit) {
  const parts = graphemes(text);
  return parts.length <= limit ? text : parts.slice(0, limit).join("");
}

function formatCount(template, count, limit) {
  return template.replace("{count}", String(count)).replace("{limit}", String(limit));
}

// Keeps `output` showing "count/limit" for `field` and stops input past the limit. While an input
// method is composing (Hangul, Japanese) the text is left alone and cut once the syllable is done.
export function attachCounter(field, output, { limit, template = "{count}/{limit}" }) {
  let composing = false;
  const refresh = () => {
    if (!composing && countGraphemes(field.value) > limit) {
      field.value = truncateGraphemes(field.value, limit);
      field.setSelectionRange(field.value.length, field.value.length);
    }
    const count = countGraphemes(field.value);
    output.textContent = formatCount(template, count, limit);
    output.classList.toggle("is-full", count >= limit);
  };
  field.addEventListener("compositionstart", () => { composing = true; });
  field.addEventListener("compositionend", () => { composing = false; refresh(); });
  field.addEventListener("input", refresh);
  refresh();
  return refresh;
}
