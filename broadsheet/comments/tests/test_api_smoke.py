def test_post_and_list(api, reader, thread):
    client = api(reader)
    r = client.send(
        "post", "/api/comments/threads/test-thread/comments", {"body": "Hello <b>there</b>"}
    )
    assert r.status_code == 201, r.content
    assert r.json()["body_html"] == "Hello &lt;b&gt;there&lt;/b&gt;"
    listed = client.get("/api/comments/threads/test-thread/comments").json()
    assert [c["body"] for c in listed["comments"]] == ["Hello <b>there</b>"]
