package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "-cmd|' /C calc'!A0", "-" })
	void textThatASpreadsheetWouldRunAsAFormulaIsPrefixed(String text) {
		assertThat(CsvCells.cell(text).replace("\"", "")).startsWith("'");
	}

	@Test
	void aCarriageReturnAtTheStartIsPrefixedAndTheCellQuoted() {
		assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-12.34", "0", "12345", "-7" })
	void plainNumbersStayNumbersSoColumnsStillAddUp(String number) {
		assertThat(CsvCells.cell(number)).isEqualTo(number);
	}

	@Test
	void aLineBreakInACellIsQuotedSoItCannotStartARow() {
		assertThat(CsvCells.row(List.of("bank\r\n=evil,1", 2))).isEqualTo("\"bank\r\n=evil,1\",2\r\n");
		assertThat(CsvCells.row(List.of(FileNames.sanitize("bank\r\n=evil,1", "x"), 2))).isEqualTo("\"bank=evil,1\",2\r\n");
	}

	@Test
	void uploadedFileNamesLoseControlCharactersAndPaths() {
		assertThat(FileNames.sanitize("../../etc/pass\u0000wd\r\n.txt", "f")).isEqualTo("passwd.txt");
		assertThat(FileNames.sanitize("\r\n", "f")).isEqualTo("f");
		assertThat(FileNames.sanitize("对账-20261126.txt", "f")).isEqualTo("对账-20261126.txt");
		assertThat(FileNames.sanitize("x".repeat(500), "f")).hasSize(200);
	}
}
