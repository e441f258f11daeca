package com.settledesk.payout.internal;

import java.io.InputStream;

/** A file produced chunk by chunk as it is read, so a test can feed a reader more than any heap could hold. */
abstract class GeneratedStream extends InputStream {

	private byte[] current = new byte[0];
	private int position;

	/** The next chunk, or null at the end. */
	protected abstract byte[] nextChunk();

	@Override
	public int read() {
		if (position == current.length && !advance()) {
			return -1;
		}
		return current[position++] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (position == current.length && !advance()) {
			return -1;
		}
		int n = Math.min(length, current.length - position);
		System.arraycopy(current, position, buffer, offset, n);
		position += n;
		return n;
	}

	private boolean advance() {
		byte[] next = nextChunk();
		if (next == null) {
			return false;
		}
		current = next;
		position = 0;
		return true;
	}
}
