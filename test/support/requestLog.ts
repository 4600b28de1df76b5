/** Reading a simulator's request log for how calls were made, not only which. */

/**
 * How many requests were answered less than half of `latencyMs` after the one answered before them.
 * With `latencyMs` added to every call, a client that waits for each answer before its next request
 * gets its answers at least `latencyMs` apart: any such request was in flight together with another.
 */
export function answeredTogether(requests: Array<{ at: string }>, latencyMs: number): number {
	const times = requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
	return times.filter((time, i) => i > 0 && time - times[i - 1] < latencyMs / 2).length;
}
