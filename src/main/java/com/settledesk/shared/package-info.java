/**
 * Shared kernel: value types every module speaks (money in fen, typed ids, masking of secrets), the
 * business exceptions that map to problem+json, and the request plumbing (request id, clock).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.settledesk.shared;
