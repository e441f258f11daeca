package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.MerchantId;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.CountingDataSource;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The review queue reads its requests, their materials and history, and their merchants, in a fixed number of statements. */
@IntegrationTest
class ReviewQueueQueriesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Autowired
	Merchants merchants;

	@Test
	void a_queue_of_many_requests_costs_the_same_three_statements_as_a_queue_of_one() {
		CountingDataSource counting = new CountingDataSource(dataSource);
		ChangeRequestRepository repository = new ChangeRequestRepository(JdbcClient.create(counting.dataSource()));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			var merchant = fixtures.individual();
			ids.add(new ChangeRequestDriver(api, fixtures, merchant).submitChange(MerchantFixtures.icbcCard()));
		}
		List<ChangeRequestStatus> waiting = List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.PENDING_REVIEW);
		await().atMost(Duration.ofSeconds(10)).until(() -> repository.queue(waiting, null, null, 500).stream()
			.map(r -> r.id().value().toString()).toList().containsAll(ids));
		counting.take();

		var one = repository.queue(waiting, null, null, 1);
		int forOne = counting.take();
		var many = repository.queue(waiting, null, null, 500);
		int forMany = counting.take();

		assertThat(one).hasSize(1);
		assertThat(many).hasSizeGreaterThanOrEqualTo(4);
		assertThat(many).allSatisfy(r -> assertThat(r.history()).isNotEmpty());
		assertThat(many).filteredOn(r -> ids.contains(r.id().value().toString()))
			.allSatisfy(r -> assertThat(r.attachmentIds()).isNotEmpty());
		assertThat(forOne).isEqualTo(3);
		assertThat(forMany).isEqualTo(3);
		assertThat(repository.queue(waiting, null, java.time.Instant.parse("2100-01-01T00:00:00Z"), 500)).isNotEmpty();
		assertThat(repository.queue(waiting, null, java.time.Instant.parse("2000-01-01T00:00:00Z"), 500))
			.as("nothing waits from before 2000, though the same statement just answered rows").isEmpty();
		assertThat(repository.queue(List.of(ChangeRequestStatus.PENDING_SECOND_REVIEW), null, null, 500))
			.allSatisfy(r -> assertThat(r.status()).isEqualTo(ChangeRequestStatus.PENDING_SECOND_REVIEW));
		assertThat(merchants.findAll(many.stream().map(r -> r.merchantId()).toList()).keySet())
			.containsAll(many.stream().map(r -> r.merchantId()).toList());
		assertThat(merchants.findAll(List.of(MerchantId.random()))).isEmpty();
	}
}
