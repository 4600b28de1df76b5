import { refusedDownloadTarget } from '../../../../nodes/CaseStatus/transport/downloadTarget';

const refused = (url: string, allowPrivate = false) => refusedDownloadTarget(new URL(url), allowPrivate);

describe('refusedDownloadTarget', () => {
	it.each([
		'https://casestatus-files.s3.amazonaws.com/f/1?signature=x',
		'https://8.8.8.8/file',
		'https://172.32.0.1/file',
		'https://[2606:4700::1111]/file',
	])('fetches https to a public address: %s', (url) => {
		expect(refused(url)).toBeUndefined();
	});

	it.each([
		['http://files.example.com/f', 'it is not https'],
		['https://127.0.0.1:4021/f', '127.0.0.1 is a private, loopback or link-local address'],
		['https://2130706433/f', '127.0.0.1 is a private, loopback or link-local address'],
		['https://0x7f.1/f', '127.0.0.1 is a private, loopback or link-local address'],
		['https://10.1.2.3/f', '10.1.2.3 is a private, loopback or link-local address'],
		['https://172.16.5.4/f', '172.16.5.4 is a private, loopback or link-local address'],
		['https://192.168.1.10/f', '192.168.1.10 is a private, loopback or link-local address'],
		['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a private, loopback or link-local address'],
		['https://100.64.0.1/f', '100.64.0.1 is a private, loopback or link-local address'],
		['https://0.0.0.0/f', '0.0.0.0 is a private, loopback or link-local address'],
		['https://[::1]/f', '[::1] is a private, loopback or link-local address'],
		['https://[::ffff:127.0.0.1]/f', '[::ffff:7f00:1] is a private, loopback or link-local address'],
		['https://[fd00::5]/f', '[fd00::5] is a private, loopback or link-local address'],
		['https://[fe80::1]/f', '[fe80::1] is a private, loopback or link-local address'],
		['https://localhost/f', 'localhost is a local host name'],
		['https://files.localhost/f', 'files.localhost is a local host name'],
		['https://metadata.google.internal/f', 'metadata.google.internal is a local host name'],
		['https://nas/f', 'nas is a local host name'],
	])('refuses %s: %s', (url, reason) => {
		expect(refused(url)).toBe(reason);
	});

	it('allows plain http and private addresses when the credential allows them, but never another scheme', () => {
		expect(refused('http://127.0.0.1:4021/files/1', true)).toBeUndefined();
		expect(refused('https://192.168.1.10/f', true)).toBeUndefined();
		expect(refused('file:///etc/passwd', true)).toBe('it is not a web address (file:)');
	});
});
