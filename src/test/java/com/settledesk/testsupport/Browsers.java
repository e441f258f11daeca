package com.settledesk.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, offline: no browser download, flags for a closed network. Browser
 * test classes extend this to share one browser per class.
 */
public abstract class Browsers {

	protected static Playwright playwright;
	protected static Browser browser;

	@BeforeAll
	static void launchBrowser() {
		playwright = playwright();
		browser = chromium(playwright);
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
		playwright.close();
	}

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	public static Playwright playwright() {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install -y chromium");
		}
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser chromium(Playwright playwright) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	public static Path screenshot(String name) {
		return SCREENSHOTS.resolve(name + ".png");
	}

	/** Signs in through the login form, as a person would, and waits for the page it lands on. */
	public static void signIn(Page page, String baseUrl, String username) {
		page.navigate(baseUrl + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(ApiClient.DEMO_PASSWORD);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForLoadState();
	}
}
