package com.settledesk.attachment;

/** The stored bytes and what they are. */
public record AttachmentContent(AttachmentView attachment, byte[] bytes) {
}
