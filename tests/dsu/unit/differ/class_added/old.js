class Order {
  constructor(items) {
    this.items = items;
  }
}
