SELECT * FROM VALUES
  (1, 5, CAST(9007199254740993 AS BIGINT), 2.5D, 'abc', 'a,b,c', true, DATE'1969-07-20',
   TIMESTAMP'1969-07-20 20:17:40', CAST('12.35' AS DECIMAL(10,2)),
   CAST('12345678901234567890.1234567891' AS DECIMAL(38,10)), X'0102FF', array(1, 2, 3), array('b', 'a'),
   map('a', 1, 'b', 2), named_struct('a', 1, 'b', 'x'), '{"a":1,"b":[1,2]}',
   'https://user@spark.apache.org:8080/docs/index.html?q=1&lang=en#top'),
  (2, -3, CAST(-1 AS BIGINT), -0.75D, 'Ébc', ' Mixed Case ', false, DATE'2024-02-29',
   TIMESTAMP'2024-02-29 23:59:59.123456', CAST('-7.05' AS DECIMAL(10,2)),
   CAST('-0.0000000001' AS DECIMAL(38,10)), X'', array(), array('x'), map(), named_struct('a', NULL, 'b', 'y'),
   '{"a":null}', 'http://localhost/'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, 0, CAST(0 AS BIGINT), 1e10D, 'žluťoučký kůň', '', true, DATE'1900-01-01', TIMESTAMP'1900-01-01 00:00:00',
   CAST('0.00' AS DECIMAL(10,2)), CAST('0' AS DECIMAL(38,10)), X'41', array(5, NULL, -1), array(), map('z', NULL),
   named_struct('a', -2, 'b', NULL), 'not json', 'ftp://files.example.org/a%20b')
AS fixture(id, i, l, d, s, s2, b, dt, ts, dec, big, bin, arr, sarr, m, st, js, url)
