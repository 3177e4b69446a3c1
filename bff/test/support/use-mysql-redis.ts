process.env.ZHILI_TEST_BACKEND = 'mysql';
