package com.settledesk.settlementaccount.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.settledesk.settlementaccount.CardBin;
import com.settledesk.settlementaccount.CardBinLookup;
import com.settledesk.settlementaccount.CardType;

/**
 * The BIN table shipped in data/cn-bank-bin (MIT, hexindai/bcbc), loaded once into memory. Lookup walks
 * from the longest prefix (10 digits) down to the shortest (3), so the most specific entry wins.
 */
@Component
class CsvCardBinDirectory implements CardBinLookup {

	private static final int MIN_PREFIX = 3;
	private static final int MAX_PREFIX = 10;

	private final Map<String, CardBin> byPrefix;
	private final Map<String, String> bankNames;

	CsvCardBinDirectory() {
		this.bankNames = loadNames();
		this.byPrefix = loadBins(bankNames);
	}

	@Override
	public Optional<CardBin> lookup(String cardNumberOrPrefix) {
		if (cardNumberOrPrefix == null || !cardNumberOrPrefix.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		for (int length = Math.min(MAX_PREFIX, cardNumberOrPrefix.length()); length >= MIN_PREFIX; length--) {
			CardBin bin = byPrefix.get(cardNumberOrPrefix.substring(0, length));
			if (bin != null) {
				return Optional.of(bin);
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<String> bankName(String bankCode) {
		return Optional.ofNullable(bankNames.get(bankCode));
	}

	@Override
	public Optional<String> bankCodeOfCnaps(String cnapsCode) {
		if (cnapsCode == null || !cnapsCode.matches("[0-9]{12}")) {
			return Optional.empty();
		}
		return Optional.ofNullable(CNAPS_BANKS.get(cnapsCode.substring(0, 3)));
	}

	/** Leading three digits of a CNAPS code (the PBOC bank category code) of the national banks. */
	private static final Map<String, String> CNAPS_BANKS = Map.ofEntries(Map.entry("102", "ICBC"),
			Map.entry("103", "ABC"), Map.entry("104", "BOC"), Map.entry("105", "CCB"), Map.entry("301", "COMM"),
			Map.entry("302", "CITIC"), Map.entry("303", "CEB"), Map.entry("304", "HXBANK"), Map.entry("305", "CMBC"),
			Map.entry("306", "GDB"), Map.entry("307", "SPABANK"), Map.entry("308", "CMB"), Map.entry("309", "CIB"),
			Map.entry("310", "SPDB"), Map.entry("403", "PSBC"));

	private static Map<String, String> loadNames() {
		Map<String, String> names = new HashMap<>();
		read("data/cn-bank-bin/name.csv", columns -> {
			if (columns.length >= 2) {
				names.put(columns[0].trim(), columns[1].trim());
			}
		});
		return Map.copyOf(names);
	}

	private static Map<String, CardBin> loadBins(Map<String, String> names) {
		Map<String, CardBin> bins = new HashMap<>();
		read("data/cn-bank-bin/bin.csv", columns -> {
			if (columns.length < 4) {
				return;
			}
			String prefix = columns[0].trim();
			String bank = columns[1].trim();
			CardType type = switch (columns[2].trim()) {
				case "DC" -> CardType.DEBIT;
				case "CC" -> CardType.CREDIT;
				case "SCC" -> CardType.SEMI_CREDIT;
				case "PC" -> CardType.PREPAID;
				default -> null;
			};
			if (type != null) {
				// The table lists a few prefixes twice; the first entry is kept, as the data's order is its own.
				bins.putIfAbsent(prefix, new CardBin(prefix, bank, names.getOrDefault(bank, bank), type,
						Integer.parseInt(columns[3].trim())));
			}
		});
		return Map.copyOf(bins);
	}

	private static void read(String path, Consumer<String[]> row) {
		try (InputStream in = new ClassPathResource(path).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					row.accept(line.split(","));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The BIN table " + path + " cannot be read", e);
		}
	}
}
