-- A migrated dossier with national status 3 (không được tiếp nhận) was refused at reception: it was never
-- received, so it has no time of receipt and counts in no indicator. Earlier imports stored the line's
-- receivedAt; the KPI triggers take these dossiers back out of the rollups as the column clears.
update dossier set received_at = null where status = 'REFUSED' and imported_hash is not null and received_at is not null;
