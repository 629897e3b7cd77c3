package vn.motcua.dossier;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An action on a dossier as it arrives: its name, the version the caller last saw (optimistic concurrency),
 * and the fields the action needs ({@code reason}, {@code items}, {@code assignee}, {@code amountVnd},
 * {@code newDueAt}, {@code note}).
 */
public record ActionRequest(@Nullable String action, @Nullable Integer version, Map<String, Object> fields) {
}
