-- H2 (the embedded default) has no partial indexes; the plain indexes of V2 serve its small ledgers. This
-- migration exists so both databases share one version history (see db/vendor/postgresql/V3).
select 1;
