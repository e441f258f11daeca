package com.settledesk.acquiring;

import java.util.List;

/**
 * Transactions were captured (published once per capture transaction, with every transaction it inserted, so that a
 * batch or a group commit of the terminal host costs one publication, not one per sale). Duplicates are not in it.
 */
public record TransactionsCaptured(List<CapturedTransaction> transactions) {
}
