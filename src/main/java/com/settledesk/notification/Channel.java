package com.settledesk.notification;

public enum Channel {
	SMS, EMAIL, IN_APP
}
