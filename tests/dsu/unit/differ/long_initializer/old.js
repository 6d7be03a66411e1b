class Shop {
  name = "shop";
}
