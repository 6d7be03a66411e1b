class Base {
  id = 0;
}
class Account {
  bal = 0;
  owner = "";
}
class Savings extends Account {
  rate = 0.01;
}
class Loan extends Base {
  amount = 0;
}
