-- Customer service (客服): tickets (工单) with their conversation, and saved answers (常见问题).

CREATE TABLE ticket (
  id                UUID                     NOT NULL PRIMARY KEY,
  number            VARCHAR(20)              NOT NULL,
  merchant_id       UUID                     NOT NULL,
  category          VARCHAR(16)              NOT NULL,
  subject           VARCHAR(120)             NOT NULL,
  related_kind      VARCHAR(16),
  related_id        VARCHAR(64),
  status            VARCHAR(24)              NOT NULL,
  holder_team       VARCHAR(24)              NOT NULL,
  assignee          VARCHAR(64),
  opened_by         VARCHAR(64)              NOT NULL,
  opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  first_answer_due  TIMESTAMP WITH TIME ZONE NOT NULL,
  first_answered_at TIMESTAMP WITH TIME ZONE,
  last_activity_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at       TIMESTAMP WITH TIME ZONE,
  closed_at         TIMESTAMP WITH TIME ZONE,
  rating            INT,
  idempotency_key   VARCHAR(64),
  request_hash      VARCHAR(64),
  version           BIGINT                   NOT NULL,
  CONSTRAINT ticket_number_uk UNIQUE (number),
  CONSTRAINT ticket_idempotency_uk UNIQUE (merchant_id, idempotency_key),
  CONSTRAINT ticket_category_ck CHECK (category IN ('CARD_CHANGE', 'PAYOUT', 'FEE', 'TERMINAL', 'ACCOUNT', 'OTHER')),
  CONSTRAINT ticket_status_ck CHECK (status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_MERCHANT', 'RESOLVED', 'CLOSED')),
  CONSTRAINT ticket_team_ck CHECK (holder_team IN ('SERVICE', 'REVIEW', 'FINANCE', 'TERMINAL_OPERATIONS')),
  CONSTRAINT ticket_related_ck CHECK (related_kind IS NULL OR related_kind IN ('CHANGE_REQUEST', 'PAYOUT',
      'STATEMENT_LINE', 'TERMINAL')),
  CONSTRAINT ticket_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
CREATE INDEX ticket_merchant_idx ON ticket (merchant_id, opened_at);
CREATE INDEX ticket_queue_idx ON ticket (status, opened_at);

-- The conversation: the merchant's and the agents' messages; internal notes are never shown to the merchant.
CREATE TABLE ticket_message (
  id             UUID                     NOT NULL PRIMARY KEY,
  ticket_id      UUID                     NOT NULL REFERENCES ticket (id),
  author_side    VARCHAR(16)              NOT NULL,
  author         VARCHAR(64)              NOT NULL,
  body           VARCHAR(4000)            NOT NULL,
  internal       BOOLEAN                  NOT NULL,
  attachment_ids VARCHAR(400),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ticket_message_side_ck CHECK (author_side IN ('MERCHANT', 'AGENT')),
  CONSTRAINT ticket_message_internal_ck CHECK (author_side = 'AGENT' OR NOT internal)
);
CREATE INDEX ticket_message_ticket_idx ON ticket_message (ticket_id, created_at);

CREATE TABLE ticket_counter (
  business_day VARCHAR(8) NOT NULL PRIMARY KEY,
  last_number  INT        NOT NULL
);

-- Saved answers agents insert into replies and merchants browse in the portal.
CREATE TABLE saved_answer (
  id         UUID          NOT NULL PRIMARY KEY,
  category   VARCHAR(16)   NOT NULL,
  language   VARCHAR(8)    NOT NULL,
  question   VARCHAR(200)  NOT NULL,
  answer     VARCHAR(4000) NOT NULL,
  sort_order INT           NOT NULL,
  CONSTRAINT saved_answer_category_ck CHECK (category IN ('CARD_CHANGE', 'PAYOUT', 'FEE', 'TERMINAL', 'ACCOUNT', 'OTHER'))
);
INSERT INTO saved_answer (id, category, language, question, answer, sort_order) VALUES
('7a1f0c1e-0001-4000-8000-000000000001', 'CARD_CHANGE', 'zh-CN', '如何更换结算卡？',
 '登录商户系统，进入「结算卡」→「更换结算卡」：输入新卡号（系统自动识别银行），上传身份证和银行卡照片，用发送到预留手机的验证码确认。审核通过后在约定时间生效，原卡自动解绑，在途资金仍付到原卡。', 10),
('7a1f0c1e-0001-4000-8000-000000000002', 'CARD_CHANGE', 'zh-CN', '结算卡变更为什么被驳回？',
 '常见原因：照片不清晰或不完整、持卡人与法人不一致且未上传授权书、四要素核验未通过（卡号、姓名、身份证号、预留手机号须与银行登记一致）。按驳回原因补充材料后可重新提交。', 20),
('7a1f0c1e-0001-4000-8000-000000000003', 'PAYOUT', 'zh-CN', '出款为什么失败？',
 '出款失败多因收款卡状态异常（挂失、冻结、销户）或户名不符。资金已退回账户余额，不会丢失。请核对或更换结算卡，系统会在下一个结算周期重新出款。', 30),
('7a1f0c1e-0001-4000-8000-000000000004', 'PAYOUT', 'zh-CN', 'D0 和 T1 有什么区别？',
 'D0：当天交易当天到账，节假日也出款，收取少量垫资手续费。T1：下一个工作日到账，不收垫资费。可在商户资料中查看您的结算方式。', 40),
('7a1f0c1e-0001-4000-8000-000000000005', 'FEE', 'zh-CN', '手续费是怎么计算的？',
 '每笔交易按签约费率收取手续费：借记卡、贷记卡和扫码费率不同，对账单中每一行都写明费率和金额。对某笔手续费有疑问，可在对账单该行点「对手续费有疑问」。', 50),
('7a1f0c1e-0001-4000-8000-000000000006', 'TERMINAL', 'zh-CN', 'POS 机无法交易怎么办？',
 '先确认机具已激活且未被锁定（「机具」页面可查看状态）；连续三次报文校验失败会自动锁定，请联系客服解锁。机具丢失请立即在「机具」页面挂失。', 60),
('7a1f0c1e-0001-4000-8000-000000000007', 'ACCOUNT', 'zh-CN', '忘记密码怎么办？',
 '在登录页点「短信验证码登录」或「忘记密码」，用发送到注册手机号的验证码登录或重设密码。重设后其他设备上的登录会失效。', 70),
('7a1f0c1e-0001-4000-8000-000000000011', 'CARD_CHANGE', 'en', 'How do I change the settlement card?',
 'Sign in, open "Settlement card" → "Change card": enter the new card number (the bank is recognised), upload the ID and card photos and confirm with the code sent to the registered phone. Once approved the new card takes effect at the stated time; the old one is unbound and money already on its way still goes to it.', 10),
('7a1f0c1e-0001-4000-8000-000000000012', 'CARD_CHANGE', 'en', 'Why was my card change rejected?',
 'Usually: unclear or incomplete photos, a holder other than the legal representative without an authorisation letter, or a failed four-element check (card number, name, ID number and phone must match the bank''s records). Add what the reason asks for and submit again.', 20),
('7a1f0c1e-0001-4000-8000-000000000013', 'PAYOUT', 'en', 'Why did a payout fail?',
 'Mostly because the receiving card is reported lost, frozen or closed, or the name does not match. The money is back in your balance, nothing is lost. Check or change the settlement card; the next settlement pays it again.', 30),
('7a1f0c1e-0001-4000-8000-000000000014', 'PAYOUT', 'en', 'What is the difference between D0 and T1?',
 'D0: the day''s takings are paid the same day, holidays included, for a small advance fee. T1: paid on the next working day, without that fee. Your profile shows which one you have.', 40),
('7a1f0c1e-0001-4000-8000-000000000015', 'FEE', 'en', 'How are fees calculated?',
 'Each transaction is charged the contracted rate: debit cards, credit cards and QR payments have their own rates, and every statement line shows the fee. To question one, use "Question this fee" on that line.', 50),
('7a1f0c1e-0001-4000-8000-000000000016', 'TERMINAL', 'en', 'My POS terminal cannot take payments',
 'Check that it is activated and not locked (see "Terminals"); three messages with a wrong MAC in a row lock it, and customer service can unlock it. Report a lost terminal at once on the "Terminals" page.', 60),
('7a1f0c1e-0001-4000-8000-000000000017', 'ACCOUNT', 'en', 'I forgot my password',
 'On the sign-in page choose "Sign in with SMS code" or "Forgot password" and use the code sent to your registered phone. After a reset, sign-ins on other devices end.', 70);

-- A screenshot or document attached to a ticket: the same upload rules as change materials.
ALTER TABLE attachment DROP CONSTRAINT attachment_kind_ck;
ALTER TABLE attachment ADD CONSTRAINT attachment_kind_ck CHECK (kind IN ('ID_FRONT', 'ID_BACK', 'CARD_FRONT',
    'AUTHORIZATION', 'ACCOUNT_PROOF', 'TICKET'));
