class Wallet {
  #code;
  constructor(pin) {
    this.#code = pin;
  }
  unlock(pin) {
    return pin === this.#code;
  }
}
