package com.settledesk.jobs;

public enum JobStatus {
	RUNNING, DONE, FAILED
}
