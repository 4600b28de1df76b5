/**
 * Moving files between n8n's binary store and HTTP without holding them in memory: where n8n keeps
 * binaries outside the item (filesystem or database mode, the binary has an `id`) they are streamed;
 * in n8n's default in-memory mode the bytes are already in memory, so a Buffer is used.
 */
import type { BinaryHelperFunctions, IBinaryData, IExecuteFunctions } from 'n8n-workflow';

/** Node's Readable, named through n8n's helper types: community nodes may not import `stream`. */
export type Readable = Awaited<ReturnType<BinaryHelperFunctions['getBinaryStream']>>;

/** Makes a byte stream out of chunks produced later (Readable.from). */
export type StreamFrom = (chunks: AsyncIterable<Buffer>) => Readable;

export type UploadSource =
	| { data: Buffer; size: number }
	| { open: () => Promise<Readable>; size?: number; streamFrom: StreamFrom };

export function isReadable(value: unknown): value is Readable {
	return typeof value === 'object' && value !== null && typeof (value as Readable).pipe === 'function';
}

/**
 * `Readable.from`, reached through a stream n8n handed over (every Node stream inherits from Readable),
 * because the `stream` module itself may not be imported. Undefined if that chain is ever different.
 */
function streamFromOf(stream: Readable): StreamFrom | undefined {
	for (let proto = Object.getPrototypeOf(stream); proto; proto = Object.getPrototypeOf(proto)) {
		const ctor = proto.constructor as { name?: string; from?: (source: AsyncIterable<Buffer>, options: object) => Readable };
		if (ctor?.name === 'Readable' && typeof ctor.from === 'function') {
			const from = ctor.from.bind(ctor);
			return (chunks) => from(chunks, { objectMode: false });
		}
	}
	return undefined;
}

/** The bytes of an input binary: a stream opener where n8n stores them outside the item, else a Buffer. */
export async function uploadSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	binary: IBinaryData,
): Promise<UploadSource> {
	const id = binary.id;
	if (!id) {
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
		return { data, size: data.length };
	}
	let spare: Readable | undefined = await ctx.helpers.getBinaryStream(id);
	const streamFrom = streamFromOf(spare);
	if (!streamFrom) {
		const data = await ctx.helpers.binaryToBuffer(spare);
		return { data, size: data.length };
	}
	let size: number | undefined;
	try {
		const metadata = await ctx.helpers.getBinaryMetadata(id);
		size = Number.isSafeInteger(metadata.fileSize) ? metadata.fileSize : undefined;
	} catch {
		size = undefined; // without a size the body is sent chunked
	}
	const open = async () => {
		// The stream opened above serves the first send; a resend opens the file again.
		const stream = spare ?? (await ctx.helpers.getBinaryStream(id));
		spare = undefined;
		return stream;
	};
	return { open, size, streamFrom };
}

/** A body requested with `encoding: 'stream'`: the stream n8n hands back, or bytes if it buffered them. */
export function responseBody(body: unknown): Buffer | Readable {
	if (isReadable(body) || Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'binary');
	return Buffer.alloc(0);
}

/**
 * The first `size` bytes of a body (fewer if it is shorter), to recognise a file's type, and the body
 * to store: the same stream with those bytes put back, or all the bytes when the stream already ended.
 */
export async function peekBody(body: Buffer | Readable, size: number): Promise<{ head: Buffer; data: Buffer | Readable }> {
	if (Buffer.isBuffer(body)) return { head: body.subarray(0, size), data: body };
	return await new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let length = 0;
		const done = (data?: Buffer | Readable) => {
			body.off('readable', onReadable);
			body.off('end', onEnd);
			body.off('error', reject);
			const head = Buffer.concat(chunks);
			if (data === body) body.unshift(head);
			resolve({ head: head.subarray(0, size), data: data ?? head });
		};
		const onEnd = () => done();
		const onReadable = () => {
			let chunk: Buffer | string | null;
			while (length < size && (chunk = body.read() as Buffer | string | null) !== null) {
				const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
				chunks.push(bytes);
				length += bytes.length;
			}
			if (length >= size) done(body);
		};
		body.on('readable', onReadable);
		body.once('end', onEnd);
		body.once('error', reject);
	});
}
