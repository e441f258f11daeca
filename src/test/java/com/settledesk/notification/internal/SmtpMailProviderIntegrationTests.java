package com.settledesk.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.settledesk.notification.Channel;
import com.settledesk.notification.internal.MessageProvider.DeliveryFailedException;

/** The SMTP adapter against a real SMTP server started by the test (GreenMail). */
class SmtpMailProviderIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Test
	void a_notice_arrives_as_text_and_html_with_its_chinese_subject_intact() throws Exception {
		provider(smtp.getSmtp().getPort()).deliver(notice("zhang@example.com"));
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("【结算台】出款失败");
		assertThat(mail.getHeader("Subject")[0]).as("encoded for the wire").startsWith("=?UTF-8?");
		assertThat(mail.getFrom()[0].toString()).contains("noreply@settledesk.test");
		String parts = describe((Multipart) mail.getContent());
		assertThat(parts).contains("text/plain", "text/html", "金额 100.00 元的出款失败", "请勿直接回复");
	}

	@Test
	void an_unreachable_mail_server_is_tried_again_later() throws Exception {
		SmtpMailProvider nowhere = provider(1);
		assertThatThrownBy(() -> nowhere.deliver(notice("zhang@example.com")))
			.isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
				assertThat(e.permanent()).isFalse();
				assertThat(e.unreachable()).isTrue();
			});
	}

	@Test
	void an_address_that_is_not_one_is_given_up() throws Exception {
		assertThatThrownBy(() -> provider(smtp.getSmtp().getPort()).deliver(notice("not an address")))
			.isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.permanent()).isTrue());
	}

	private static String describe(Multipart multipart) throws Exception {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				out.append(describe(nested));
			}
			else {
				out.append(part.getContentType()).append(' ').append(part.getContent()).append('\n');
			}
		}
		return out.toString();
	}

	private static OutgoingMessage notice(String to) {
		return new OutgoingMessage(UUID.randomUUID(), to, Channel.EMAIL, "notice.payout.failed", List.of("100.00"),
				Locale.SIMPLIFIED_CHINESE, "【结算台】出款失败", "金额 100.00 元的出款失败，款项已退回余额。");
	}

	private static SmtpMailProvider provider(int port) throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new SmtpMailProvider(sender, engine, messages, "结算台 <noreply@settledesk.test>");
	}
}
