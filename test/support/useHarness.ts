/**
 * A simulator harness for one test file: started before the first test, back to its fixture before
 * each, closed after the last. The returned object can be used inside tests (it forwards to the running one).
 */
export function useHarness<H extends { reset(): Promise<void>; close(): Promise<void> }>(start: () => Promise<H>): H {
	let running: H | undefined;
	beforeAll(async () => {
		running = await start();
	});
	afterAll(() => running?.close());
	beforeEach(() => running!.reset());
	return new Proxy({} as H, { get: (_, key) => running![key as keyof H] });
}
