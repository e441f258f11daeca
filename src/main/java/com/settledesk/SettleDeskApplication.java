package com.settledesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SettleDeskApplication {
	public static void main(String[] args) {
		SpringApplication.run(SettleDeskApplication.class, args);
	}
}
