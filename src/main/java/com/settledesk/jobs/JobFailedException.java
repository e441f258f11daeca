package com.settledesk.jobs;

/**
 * Ends a job with a reason its owner can read: a message-bundle code ({@code job.failure.<code>}) and a
 * detail such as a line number. Any other exception fails the job as an internal error, its text not shown.
 */
public class JobFailedException extends RuntimeException {

	private final String code;
	private final String detail;

	public JobFailedException(String code, String detail) {
		super(code + ": " + detail);
		this.code = code;
		this.detail = detail;
	}

	public String code() {
		return code;
	}

	public String detail() {
		return detail;
	}
}
