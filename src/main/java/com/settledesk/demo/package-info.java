/**
 * The demo data of the embedded default profile (api-v1.md): two merchants with their users, settlement
 * accounts and terminals, and one operator of each kind. Seeded through the modules' own APIs, so it is
 * encrypted, validated and audited like real data; seeding again adds nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package com.settledesk.demo;
