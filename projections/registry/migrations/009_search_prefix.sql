-- Whole names and names starting with the typed text, straight from a b-tree: the
-- trigram index is left for the rarer "contains it elsewhere" hits (registry.queries.ts).
CREATE INDEX subjects_search_prefix ON subjects (search_text text_pattern_ops);

-- Every 8-character piece of a name, so that "contains the text after its start" is found
-- from the pieces of the text itself (rows holding its first and its last 8 characters)
-- instead of from trigrams, which name syllables share with thousands of rows. Texts
-- shorter than 8 characters still use the trigram index.
CREATE OR REPLACE FUNCTION public.search_grams(text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr($1, i, 8)), '{}') FROM generate_series(1, length($1) - 7) AS i $$;
CREATE INDEX subjects_search_grams ON subjects USING gin (public.search_grams(search_text));
