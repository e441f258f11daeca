package com.settledesk.statement;

/** A statement or receipt as a file to download. */
public record StatementFile(String fileName, String contentType, byte[] content) {
}
