-- Length limits count characters (Unicode code points), as people do: a title of 200 emoji is within its
-- limit of 200. H2's varchar(n) counts UTF-16 units, of which an emoji takes two, so every column that
-- holds text within a limit of n characters becomes varchar(2n); PostgreSQL counts characters, and 2n
-- holds the same text there. The sort and search columns hold their text lower-cased, where İ becomes
-- two characters (i and a combining dot) and no character more than two UTF-16 units, so twice the
-- limit holds them as well: search_text is the title, description and tags (20 of 40 characters) with
-- two line breaks and 19 spaces, 22,021 at most. Cut texts (a set-aside reminder's failure, a delivery's
-- last error) are cut to 500 and 1000 characters. Not widened: a conversation's title is its first
-- message cut to 80 characters, which 200 units already hold; a recurrence rule is ASCII (RFC 5545);
-- an e-mail address keeps its limit of 320 UTF-16 units.
alter table tasks alter column title set data type varchar(400);
alter table tasks alter column description set data type varchar(20000);
alter table tasks alter column title_sort set data type varchar(400);
alter table tasks alter column search_text set data type varchar(24000);
alter table task_tags alter column tag set data type varchar(80);
alter table audit_log alter column title set data type varchar(400);
alter table notifications alter column title set data type varchar(400);
alter table notifications alter column message set data type varchar(1000);
alter table saved_views alter column name set data type varchar(120);
alter table api_tokens alter column name set data type varchar(200);
alter table task_reminders alter column failure set data type varchar(1000);
alter table embedded_deliveries alter column last_error set data type varchar(2000);
