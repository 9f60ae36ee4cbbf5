"""Pure rules of the commerce domain: money, webhook signatures, the transaction state machine,
plans and their periods, the premium tier, starting a checkout, revenue figures. No I/O: the
time is passed in."""
