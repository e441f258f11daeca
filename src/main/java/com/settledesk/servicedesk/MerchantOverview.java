package com.settledesk.servicedesk;

import java.util.List;
import java.util.Optional;

import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.notification.Delivery;
import com.settledesk.payout.PayoutView;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.statement.FeeDispute;
import com.settledesk.terminal.TerminalView;

/** The agent's read-only view of a merchant on one page: every number in it is masked. */
public record MerchantOverview(MerchantProfile profile, Optional<SettlementAccountView> settlementCard,
		List<ChangeRequestView> changeRequests, List<PayoutView> payouts, List<Delivery> notices,
		List<TerminalView> terminals, List<FeeDispute> openDisputes, List<TicketView> tickets) {
}
