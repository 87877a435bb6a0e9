-- A mailbox's outgoing side: replies on its tickets (the mailbox of a ticket's earliest inbound email) leave From
-- its address, through its own SMTP server when one is set, else through the global one. The SMTP password is
-- encrypted like the IMAP one (SecretCipher). The sandbox account keeps no SMTP settings: it sends through the
-- running sandbox mail server.
alter table mail_account add column sends_replies boolean default true not null;
alter table mail_account add column smtp_host varchar(255);
alter table mail_account add column smtp_port integer;
alter table mail_account add column smtp_security varchar(10);
alter table mail_account add column smtp_username varchar(320);
alter table mail_account add column smtp_password_secret varchar(2000);
