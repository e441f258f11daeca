package com.settledesk.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers for a request it refuses before SettleDesk sees it (an encoded {@code %2F} or
 * {@code %00} in the path, headers over the size limit, a broken request line): a problem+json document
 * like every other error, instead of the container's HTML page. Nothing about the cause is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		boolean english = request != null && request.getHeader("Accept-Language") != null
				&& request.getHeader("Accept-Language").toLowerCase(Locale.ROOT).startsWith("en");
		String code = status == 413 ? "PAYLOAD_TOO_LARGE" : status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
		String title = switch (code) {
			case "PAYLOAD_TOO_LARGE" -> english ? "Request too large" : "请求过大";
			case "INTERNAL_ERROR" -> english ? "Something went wrong" : "系统繁忙";
			default -> english ? "Bad request" : "请求无效";
		};
		String detail = switch (code) {
			case "PAYLOAD_TOO_LARGE" -> english ? "The request is larger than allowed." : "请求内容超过允许的大小。";
			case "INTERNAL_ERROR" -> english ? "Please try again later." : "请稍后再试。";
			default -> english ? "The request could not be understood: check the address and headers."
					: "请求无法识别，请检查地址和请求头。";
		};
		String body = "{\"type\":\"urn:settledesk:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')
				+ "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\""
				+ code + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response was committed meanwhile: nothing more can be said
		}
	}
}
