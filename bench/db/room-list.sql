-- RoomList.QUERY, the whole room list in one statement.
SELECT r.id, r.name, r.description, r.is_direct, r.created_at, r.member_count, me.role,
r.last_seq - me.last_read_seq - (SELECT COUNT(*) FROM messages d
WHERE d.room_id = r.id AND d.deleted_at IS NOT NULL AND d.seq > me.last_read_seq),
lm.id, lm.content, lm.created_at, lu.id, lu.username,
p.id, p.username, p.display_name, p.avatar_url
FROM room_members me
JOIN rooms r ON r.id = me.room_id
LEFT JOIN messages lm ON lm.id = r.last_message_id
LEFT JOIN users lu ON lu.id = lm.sender_id
LEFT JOIN room_members pm
ON pm.room_id = CASE WHEN r.is_direct THEN r.id END AND pm.user_id <> me.user_id
LEFT JOIN users p ON p.id = pm.user_id
WHERE me.user_id = '${HEAVY}'
ORDER BY r.last_activity_at DESC, r.created_at DESC, r.id;
