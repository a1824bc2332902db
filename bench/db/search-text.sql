-- bench_text(): a chat-like message of 5 to 25 words for the search benchmark (bench/db/search-*.sql).
-- A third are common English words (stop words among them, so stemming and the 'simple' half both
-- have work); the rest are "w<n>" with n log-uniform in 1..50000, so word frequency falls off like
-- Zipf's law: w1 is in ~1 in 20 messages, w40000 in ~1 in 100 000.
CREATE OR REPLACE FUNCTION bench_text() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(w, ' ') FROM (
    SELECT CASE WHEN random() < 0.35
        THEN (ARRAY['the','a','is','to','and','of','in','for','on','we','it','this','that','with',
                    'meeting','report','reports','release','deploying','review','team','today',
                    'tomorrow','please','thanks','update','issue','fixed','build','customers'])
             [1 + floor(random() * 30)::int]
        ELSE 'w' || floor(exp(random() * ln(50000)))::int END AS w
      FROM generate_series(1, 5 + floor(random() * 21)::int)) words
$$;
