package com.settledesk.demo.internal;

/** How far the demo history is: what {@link DemoPreparationGate} tells whoever comes too early. */
interface HistoryProgress {

	/** Whether the history is still to be written (requests must wait). */
	boolean preparing();

	int daysWritten();

	int days();
}
