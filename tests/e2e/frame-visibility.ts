import type { TestFrame } from './driver';

/**
 * Waits until one of our frames knows it has been visible long enough for a
 * click or keypress on it to count (IntersectionObserver v2, SEEN_MS in
 * src/highlight-frame/main.tsx). A loaded machine reports visibility late:
 * acting before then is refused as occluded, which is right for a lure and
 * wrong for a test of something else. Where the browser has no v2
 * (Firefox), the frame takes every trusted click: nothing to wait for.
 */
export async function seenWhole(frame: TestFrame): Promise<void> {
  if (!(await frame.evaluate(() => 'trackVisibility' in IntersectionObserver.prototype))) return;
  await frame.locator('body[data-visible="true"]').waitFor({ timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 400));
}
