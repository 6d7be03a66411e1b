class Base {
  id = 0;
}
class Account {
  bal = 0;
  owner = "";
}
class Savings extends Base {
  rate = 0.01;
}
class Loan {
  amount = 0;
}
