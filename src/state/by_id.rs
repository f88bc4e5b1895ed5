//! A shared value compared by identity: two are equal when they are the same allocation. For
//! recordings and other large values that change only by being replaced, so that comparing
//! states never walks them.

use std::rc::Rc;

/// An `Rc` that compares (and hashes) by pointer.
#[derive(Debug)]
pub struct ById<T>(pub Rc<T>);

impl<T> ById<T> {
    /// The shared value.
    pub fn get(&self) -> &T {
        &self.0
    }
}

impl<T> Clone for ById<T> {
    fn clone(&self) -> Self {
        ById(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for ById<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for ById<T> {}

impl<T> std::hash::Hash for ById<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(Rc::as_ptr(&self.0), state);
    }
}

impl<T> std::ops::Deref for ById<T> {
    type Target = Rc<T>;

    fn deref(&self) -> &Rc<T> {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_the_same_allocation() {
        let a = ById(Rc::new(1));
        let b = ById(Rc::new(1));
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
        assert_eq!(**a, 1);
    }
}
