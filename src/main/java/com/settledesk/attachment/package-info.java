/**
 * Materials merchants upload (ID photos, card photos, authorisations, account proofs): type judged by the
 * file's content (JPEG, PNG, PDF), at most 5 MB, kept in the database and readable only by the merchant
 * that uploaded them and by operators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package com.settledesk.attachment;
