package com.settledesk.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.settledesk.notification.Channel;
import com.settledesk.shared.Masking;

/**
 * E-mail over SMTP (Spring's JavaMailSender): a multipart message with a plain-text and an HTML part, UTF-8
 * throughout, the Chinese subject encoded as RFC 2047 words. An address the server refuses is given up; a
 * server that cannot be reached is tried again by the dispatcher.
 */
@Component
@ConditionalOnProperty(name = "settledesk.notification.mail-provider", havingValue = "smtp")
class SmtpMailProvider implements MessageProvider {

	private static final Logger log = LoggerFactory.getLogger(SmtpMailProvider.class);

	private final JavaMailSender mail;
	private final ITemplateEngine templates;
	private final MessageSource messages;
	private final InternetAddress from;

	SmtpMailProvider(JavaMailSender mail, ITemplateEngine templates, MessageSource messages,
			@Value("${settledesk.notification.mail.from}") String from) throws Exception {
		this.mail = mail;
		this.templates = templates;
		this.messages = messages;
		this.from = new InternetAddress(from, true);
	}

	@Override
	public boolean handles(Channel channel) {
		return channel == Channel.EMAIL;
	}

	@Override
	public String deliver(OutgoingMessage message) throws DeliveryFailedException {
		Locale language = message.language();
		try {
			MimeMessage mime = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(new InternetAddress(message.to(), true));
			helper.setSubject(message.subject());
			String footer = messages.getMessage("mail.footer", null, "", language);
			helper.setText(message.text() + "\n\n" + footer, html(message, footer, language));
			mime.setHeader("X-SettleDesk-Message", message.id().toString());
			mail.send(mime);
			log.info("E-mail {} to {} handed to the mail server", message.template(), Masking.maskEmail(message.to()));
			return mime.getMessageID();
		}
		catch (MessagingException e) {
			throw DeliveryFailedException.refused("address or message not acceptable: " + e.getClass().getSimpleName());
		}
		catch (MailAuthenticationException e) {
			throw DeliveryFailedException.unreachable("mail server refused our credentials");
		}
		catch (MailSendException e) {
			boolean recipientRefused = e.getFailedMessages().values().stream()
				.anyMatch(failure -> failure instanceof jakarta.mail.SendFailedException sent
						&& sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0);
			if (recipientRefused) {
				throw DeliveryFailedException.refused("the mail server refused the address");
			}
			throw DeliveryFailedException.unreachable("mail server not reached");
		}
		catch (MailException e) {
			throw DeliveryFailedException.unreachable("mail server: " + e.getClass().getSimpleName());
		}
	}

	private String html(OutgoingMessage message, String footer, Locale language) {
		Context context = new Context(language);
		context.setVariable("lang", language.getLanguage());
		context.setVariable("brand", messages.getMessage("app.name", null, "SettleDesk", language));
		context.setVariable("subject", message.subject());
		context.setVariable("body", message.text());
		context.setVariable("footer", footer);
		return templates.process("mail/notice", context);
	}
}
