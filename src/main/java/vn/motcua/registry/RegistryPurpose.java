package vn.motcua.registry;

import org.jspecify.annotations.Nullable;

/**
 * Why and for whom a lookup is made; the national platform refuses lookups without a purpose, and the log
 * keeps it with the acting account.
 *
 * @param actor the acting account's user name
 * @param purpose mục đích tra cứu, in words
 * @param dossierCode the dossier it serves, when there is one
 */
public record RegistryPurpose(String actor, String purpose, @Nullable String dossierCode) {
}
