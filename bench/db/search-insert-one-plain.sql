INSERT INTO cost_plain (room_id, seq, content)
  SELECT 1000 + :client_id, nextval('cost_plain_id_seq'), content FROM cost_texts WHERE i = 1 + (random() * 99999)::int;
