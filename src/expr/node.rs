//! Fast evaluation of a parsed expression, on real, complex or dual numbers.
//!
//! The library's own compiled evaluator works on f64 only; the complex-step
//! method needs complex numbers and exact derivatives dual numbers, so the
//! library's expression tree is turned once into this small tree, which
//! evaluates generically without parsing or allocating.

use super::domain::{self, Failure, Kind};
use super::funcs::{self, Func, Scalar};
use symb_anafis::visitor::ExprView;
use symb_anafis::Expr;

/// An expression ready to evaluate; variables are indices into the point.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Const(f64),
    Var(usize),
    /// Terms added left to right.
    Sum(Vec<Node>),
    /// Factors multiplied left to right.
    Product(Vec<Node>),
    Div(Box<Node>, Box<Node>),
    /// An integer power by repeated multiplication: x^2 is exactly x·x,
    /// as numpy's `x**2`.
    PowI(Box<Node>, i32),
    Pow(Box<Node>, Box<Node>),
    Call(Func, Box<Node>),
}

/// Why an expression could not be turned into a [`Node`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

impl Node {
    /// Builds the tree of `expr` with `vars[i]` as variable `i`.
    pub fn compile(expr: &Expr, vars: &[String]) -> Result<Node, Unsupported> {
        let all = |items: &[std::sync::Arc<Expr>]| -> Result<Vec<Node>, Unsupported> {
            items.iter().map(|e| Node::compile(e, vars)).collect()
        };
        Ok(match expr.view() {
            ExprView::Number(v) => Node::Const(v),
            ExprView::Symbol(name) => match vars.iter().position(|v| *v == name) {
                Some(i) => Node::Var(i),
                None => Node::Const(
                    funcs::constant(&name)
                        .ok_or_else(|| Unsupported(format!("unknown name '{name}'")))?,
                ),
            },
            ExprView::Function { name, args } => {
                let f = funcs::library_lookup(name)
                    .ok_or_else(|| Unsupported(format!("function '{name}'")))?;
                match args {
                    [arg] => Node::Call(f, Box::new(Node::compile(arg, vars)?)),
                    _ => {
                        return Err(Unsupported(format!(
                            "'{name}' with {} arguments",
                            args.len()
                        )))
                    }
                }
            }
            ExprView::Sum(terms) => Node::Sum(all(&terms)?),
            ExprView::Product(factors) => Node::Product(all(&factors)?),
            ExprView::Div(a, b) => Node::Div(
                Box::new(Node::compile(a, vars)?),
                Box::new(Node::compile(b, vars)?),
            ),
            // The library writes exp(x) typed as e^x as a power of e; exp is
            // correctly rounded where powf(e, x) is not (e itself is rounded).
            ExprView::Pow(base, exp)
                if matches!(base.view(), ExprView::Symbol(ref s) if *s == "e")
                    && !vars.iter().any(|v| v == "e") =>
            {
                Node::Call(Func::Exp, Box::new(Node::compile(exp, vars)?))
            }
            ExprView::Pow(base, exp) => {
                let base = Box::new(Node::compile(base, vars)?);
                match exp.view() {
                    ExprView::Number(n) if n.fract() == 0.0 && n.abs() <= 64.0 => {
                        Node::PowI(base, n as i32)
                    }
                    _ => Node::Pow(base, Box::new(Node::compile(exp, vars)?)),
                }
            }
            ExprView::Derivative { var, .. } => {
                return Err(Unsupported(format!(
                    "an unevaluated derivative with respect to {var}"
                )))
            }
        })
    }

    /// The value at `point` (one entry per variable).
    pub fn eval<T: Scalar>(&self, point: &[T]) -> T {
        match self {
            Node::Const(v) => T::from_f64(*v),
            Node::Var(i) => point[*i],
            Node::Sum(terms) => fold(terms, point, |a, b| a + b),
            Node::Product(factors) => fold(factors, point, |a, b| a * b),
            Node::Div(a, b) => a.eval(point).quot(b.eval(point)),
            Node::PowI(base, n) => base.eval(point).powi(*n),
            Node::Pow(base, e) => base.eval(point).pow(e.eval(point)),
            Node::Call(f, arg) => arg.eval(point).apply(*f),
        }
    }

    /// The value at `point`, or why there is none or no derivative: every
    /// operation's argument is checked against its domain
    /// ([`domain`]) before it is applied. An infinite value in between is
    /// allowed (1/(1 + exp(800)) is 0), a NaN (∞ − ∞) is not.
    pub fn eval_checked<T: Scalar>(&self, point: &[T]) -> Result<T, Failure> {
        let value = match self {
            Node::Const(v) => T::from_f64(*v),
            Node::Var(i) => point[*i],
            Node::Sum(terms) => try_fold(terms, point, |a, b| a + b)?,
            Node::Product(factors) => try_fold(factors, point, |a, b| a * b)?,
            Node::Div(a, b) => {
                let (a, b) = (a.eval_checked(point)?, b.eval_checked(point)?);
                domain::quotient(b.real())?;
                a.quot(b)
            }
            Node::PowI(base, n) => {
                let b = base.eval_checked(point)?;
                domain::integer_power(b.real(), *n)?;
                b.powi(*n)
            }
            Node::Pow(base, e) => {
                let (b, e) = (base.eval_checked(point)?, e.eval_checked(point)?);
                domain::power(b.real(), b.varies(), e.real(), e.varies())?;
                b.pow(e)
            }
            Node::Call(f, arg) => {
                let a = arg.eval_checked(point)?;
                domain::call(*f, a.real(), a.varies())?;
                a.apply(*f)
            }
        };
        if value.real().is_nan() {
            return Err(Failure {
                kind: Kind::Overflow,
                why: "a value overflows",
            });
        }
        Ok(value)
    }

    /// The largest magnitude of an exponent that involves no variable
    /// (`x^(5^222)` has one of 1.5e155), 0 if there is none.
    pub fn largest_constant_exponent(&self) -> f64 {
        match self {
            Node::Const(_) | Node::Var(_) => 0.0,
            Node::Sum(xs) | Node::Product(xs) => xs
                .iter()
                .map(Node::largest_constant_exponent)
                .fold(0.0, f64::max),
            Node::Div(a, b) => a
                .largest_constant_exponent()
                .max(b.largest_constant_exponent()),
            Node::PowI(a, n) => a
                .largest_constant_exponent()
                .max(f64::from(n.unsigned_abs())),
            Node::Pow(a, e) => {
                let own = if e.has_var() {
                    0.0
                } else {
                    e.eval::<f64>(&[]).abs()
                };
                // NaN (like 0^-1 as an exponent) counts as too large.
                let own = if own.is_nan() { f64::INFINITY } else { own };
                own.max(a.largest_constant_exponent())
                    .max(e.largest_constant_exponent())
            }
            Node::Call(_, a) => a.largest_constant_exponent(),
        }
    }

    fn has_var(&self) -> bool {
        match self {
            Node::Const(_) => false,
            Node::Var(_) => true,
            Node::Sum(xs) | Node::Product(xs) => xs.iter().any(Node::has_var),
            Node::Div(a, b) | Node::Pow(a, b) => a.has_var() || b.has_var(),
            Node::PowI(a, _) | Node::Call(_, a) => a.has_var(),
        }
    }

    /// The first function in the tree that is not analytic, if any.
    pub fn non_analytic(&self) -> Option<Func> {
        match self {
            Node::Const(_) | Node::Var(_) => None,
            Node::Sum(xs) | Node::Product(xs) => xs.iter().find_map(Node::non_analytic),
            Node::Div(a, b) | Node::Pow(a, b) => a.non_analytic().or_else(|| b.non_analytic()),
            Node::PowI(a, _) => a.non_analytic(),
            Node::Call(f, a) if !f.is_analytic() => Some(*f).or_else(|| a.non_analytic()),
            Node::Call(_, a) => a.non_analytic(),
        }
    }
}

fn try_fold<T: Scalar>(items: &[Node], point: &[T], op: impl Fn(T, T) -> T) -> Result<T, Failure> {
    let mut iter = items.iter();
    let mut acc = match iter.next() {
        Some(n) => n.eval_checked(point)?,
        None => T::from_f64(0.0),
    };
    for n in iter {
        acc = op(acc, n.eval_checked(point)?);
    }
    Ok(acc)
}

fn fold<T: Scalar>(items: &[Node], point: &[T], op: impl Fn(T, T) -> T) -> T {
    let mut iter = items.iter();
    let first = iter.next().map_or(T::from_f64(0.0), |n| n.eval(point));
    iter.fold(first, |acc, n| op(acc, n.eval(point)))
}
