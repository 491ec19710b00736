// Live updates for the comments region: Server-Sent Events from /comments/live/<key>/, and polling of the
// list API when EventSource is missing or the stream cannot be reached (a proxy that buffers, an outage).
// EventSource reconnects by itself and sends Last-Event-ID, so the server resends what was missed.

export function connectLive({ url, after, onComment, onChange, poll, onMode = () => {}, pollEvery = 15000, maxFailures = 3 }) {
  let timer = null;
  let failures = 0;
  let opened = false;
  const startPolling = () => {
    if (timer) return;
    timer = setInterval(() => poll().catch(() => {}), pollEvery);
    onMode("polling");
  };
  const stopPolling = () => {
    clearInterval(timer);
    timer = null;
  };
  if (!url || !("EventSource" in window)) {
    startPolling();
    return { close: stopPolling, mode: () => "polling" };
  }
  const source = new EventSource(`${url}?after=${encodeURIComponent(after())}`);
  const read = (handler) => (event) => {
    try {
      handler(JSON.parse(event.data));
    } catch (err) {
      // A malformed event is skipped; the next poll or page load shows the truth.
    }
  };
  source.addEventListener("comment", read(onComment));
  source.addEventListener("change", read(onChange));
  source.addEventListener("open", () => {
    failures = 0;
    opened = true;
    stopPolling();
    onMode("sse");
  });
  source.addEventListener("error", () => {
    failures += 1;
    // Never connected at all: something in between blocks streams, so poll at once. A stream that
    // worked and dropped gets a few reconnections (with Last-Event-ID) first.
    if (!opened || source.readyState === EventSource.CLOSED || failures >= maxFailures) {
      source.close();
      startPolling();
    }
  });
  return {
    close: () => { source.close(); stopPolling(); },
    mode: () => (timer ? "polling" : "sse"),
  };
}
