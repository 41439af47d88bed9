/**
 * A new task after whatever is already queued. A MessageChannel message, not
 * `setTimeout` (clamped to 4 ms once nested) and not `scheduler.yield()`
 * (whose continuation is meant to run before other queued tasks): queued
 * timers, messages and events go first, then the caller carries on. The
 * content script gives the page its main thread back this way; the
 * background hears new requests and closed tabs between analysis turns.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
