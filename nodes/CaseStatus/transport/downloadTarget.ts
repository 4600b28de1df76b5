/**
 * Which download links the node may fetch. A file record's `url` comes from Case Status (or from
 * whoever can write file records there); fetched as given, it could point n8n at its own network
 * (a cloud metadata address, an admin page on localhost). By default only https to a public address is
 * fetched; the credential's "Allow Private Download Hosts" lifts that for self-hosted storage.
 * Only the address as written is checked: a host name is not resolved (community nodes may not use
 * DNS), so a public name that resolves to a private address is the network's to block.
 */

/** IPv4 ranges that are not the public internet: [first octets as a number, prefix length]. */
const PRIVATE_V4: Array<[string, number]> = [
	['0.0.0.0', 8], // "this network"
	['10.0.0.0', 8], // private
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8], // loopback
	['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
	['172.16.0.0', 12], // private
	['192.0.0.0', 24], // IETF protocol assignments
	['192.168.0.0', 16], // private
	['198.18.0.0', 15], // benchmarking
	['224.0.0.0', 3], // multicast and reserved, up to 255.255.255.255
];

function v4Number(address: string): number | undefined {
	const parts = address.split('.');
	if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function isPrivateV4(address: string): boolean {
	const n = v4Number(address);
	if (n === undefined) return false;
	return PRIVATE_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4Number(base)! / 2 ** (32 - bits)));
}

/** An IPv6 literal (without brackets, as the URL parser wrote it: lower case, compressed) that is not public. */
function isPrivateV6(address: string): boolean {
	if (address === '::' || address === '::1') return true;
	// IPv4-mapped (::ffff:7f00:1) and the like: the IPv4 address in the last 32 bits decides.
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
	if (mapped) {
		const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
		return isPrivateV4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
	}
	const first = parseInt(address.split(':')[0] || '0', 16);
	// fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast.
	return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}

/** Host names that always mean this machine or its local network. */
function isLocalName(hostname: string): boolean {
	const name = hostname.replace(/\.$/, '');
	return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal') || !name.includes('.');
}

/**
 * Why the node does not fetch this download link, or undefined when it may. `allowPrivate` (the
 * credential's option) allows plain http and private, loopback and link-local addresses.
 */
export function refusedDownloadTarget(url: URL, allowPrivate: boolean): string | undefined {
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return `it is not a web address (${url.protocol})`;
	if (allowPrivate) return undefined;
	if (url.protocol !== 'https:') return 'it is not https';
	const host = url.hostname;
	if (host.startsWith('[')) return isPrivateV6(host.slice(1, -1)) ? `${host} is a private, loopback or link-local address` : undefined;
	if (v4Number(host) !== undefined) return isPrivateV4(host) ? `${host} is a private, loopback or link-local address` : undefined;
	return isLocalName(host) ? `${host} is a local host name` : undefined;
}
