package com.settledesk.posapplication.internal;

import java.time.Instant;
import java.util.Optional;

import com.settledesk.posapplication.Carrier;

/**
 * Where a parcel is (快递查询). A real adapter asks the carrier's tracking API (or an aggregator such as Kuaidi100,
 * see docs/courier.md) by carrier and tracking number; {@code shippedAt} is what SettleDesk knows of the parcel.
 */
interface Courier {

	/** When the parcel was signed for, if it was. A carrier that cannot answer now throws; the next poll asks again. */
	Optional<Instant> deliveredAt(Carrier carrier, String trackingNo, Instant shippedAt);
}
