package com.settledesk.servicedesk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service phone number and hours (from configuration), shown wherever a merchant may be stuck; templates read
 * it as {@code @serviceDeskContact}.
 */
@Component("serviceDeskContact")
public class ServiceDeskContact {

	private final String phone;
	private final String hours;

	ServiceDeskContact(@Value("${settledesk.service-desk.phone:400-820-9588}") String phone,
			@Value("${settledesk.service-desk.hours:09:00-21:00}") String hours) {
		this.phone = phone;
		this.hours = hours;
	}

	public String phone() {
		return phone;
	}

	public String hours() {
		return hours;
	}
}
